package main

import (
	"encoding/json"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"gopkg.in/yaml.v2"
)

// helmFunctions is sprig's function map with Helm's changes: the environment functions
// removed (charts must not read the machine that renders them) and Helm's own additions.
// include, tpl, required and fail need the engine and are added there.
func helmFunctions() template.FuncMap {
	functions := sprig.TxtFuncMap()
	delete(functions, "env")
	delete(functions, "expandenv")
	extra := template.FuncMap{
		"toYaml":        toYAML,
		"fromYaml":      fromYAML,
		"fromYamlArray": fromYAMLArray,
		"toJson":        toJSON,
		"fromJson":      fromJSON,
		"fromJsonArray": fromJSONArray,
		// Rendering offline has no cluster to ask: lookup finds nothing, as in helm template.
		"lookup": func(apiVersion, kind, namespace, name string) (map[string]interface{}, error) {
			return map[string]interface{}{}, nil
		},
	}
	for name, function := range extra {
		functions[name] = function
	}
	return functions
}

// toYAML marshals as sigs.k8s.io/yaml does (JSON first, then YAML), so keys are sorted
// and numbers keep their JSON spelling; Helm drops the final newline.
func toYAML(value interface{}) string {
	encoded, err := json.Marshal(value)
	if err != nil {
		return ""
	}
	var document interface{}
	if err := yaml.Unmarshal(encoded, &document); err != nil {
		return ""
	}
	marshalled, err := yaml.Marshal(document)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(string(marshalled), "\n")
}

// fromYAML, like Helm's, reports a parse failure in the map's "Error" key instead of failing.
func fromYAML(text string) map[string]interface{} {
	decoded, err := yamlToJSONValue([]byte(text))
	if err != nil {
		return map[string]interface{}{"Error": err.Error()}
	}
	result, ok := decoded.(map[string]interface{})
	if !ok {
		if decoded == nil {
			return map[string]interface{}{}
		}
		return map[string]interface{}{"Error": "error unmarshaling JSON: not a map"}
	}
	return result
}

func fromYAMLArray(text string) []interface{} {
	decoded, err := yamlToJSONValue([]byte(text))
	if err != nil {
		return []interface{}{err.Error()}
	}
	result, ok := decoded.([]interface{})
	if !ok {
		return []interface{}{"error unmarshaling JSON: not an array"}
	}
	return result
}

func toJSON(value interface{}) string {
	encoded, err := json.Marshal(value)
	if err != nil {
		return ""
	}
	return string(encoded)
}

func fromJSON(text string) map[string]interface{} {
	result := map[string]interface{}{}
	if err := json.Unmarshal([]byte(text), &result); err != nil {
		result["Error"] = err.Error()
	}
	return result
}

func fromJSONArray(text string) []interface{} {
	var result []interface{}
	if err := json.Unmarshal([]byte(text), &result); err != nil {
		result = []interface{}{err.Error()}
	}
	return result
}
