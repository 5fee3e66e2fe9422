package main

import (
	"fmt"
	"strings"

	"github.com/xeipuuv/gojsonschema"
)

// validateValues checks the coalesced values against the chart's values.schema.json and
// words a failure exactly as Helm does, one "- field: problem" line per violation.
func validateValues(chartName string, schema []byte, values map[string]interface{}) error {
	if len(schema) == 0 {
		return nil
	}
	result, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewGoLoader(values))
	if err != nil {
		return fmt.Errorf("%s: the values schema cannot be used: %w", chartName, err)
	}
	if result.Valid() {
		return nil
	}
	var message strings.Builder
	message.WriteString("values don't meet the specifications of the schema(s) in the following chart(s):\n")
	message.WriteString(chartName + ":\n")
	for _, problem := range result.Errors() {
		message.WriteString(fmt.Sprintf("- %s\n", problem))
	}
	return fmt.Errorf("%s", message.String())
}
