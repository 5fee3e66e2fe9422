package main

import (
	"strings"
)

// renderedChart is a chart rendered with one set of values: every file's output, NOTES.txt
// included, before it is cut into manifests.
type renderedChart struct {
	chart *loadedChart
	files map[string]string
}

// renderFiles does what helm template does before printing: coalesce the values, check
// them against the schema, and execute every template.
func renderFiles(chartDirectory string, release releaseInfo, options *commandOptions) (*renderedChart, error) {
	chart, err := loadChart(chartDirectory)
	if err != nil {
		return nil, err
	}
	overrides, err := userValues(options)
	if err != nil {
		return nil, err
	}
	values := coalesceValues(chart.Values, overrides)
	if err := validateValues(chart.Metadata.Name, chart.Schema, values); err != nil {
		return nil, err
	}
	capabilities, err := newCapabilities(options.kubeVersion, options.apiVersions)
	if err != nil {
		return nil, err
	}
	topValues := map[string]interface{}{
		"Values":       values,
		"Release":      release.asValues(),
		"Chart":        &chart.Metadata,
		"Capabilities": capabilities,
	}
	files, err := engine{strict: options.strict}.render(chart.Templates, topValues, chart.Metadata.Name+"/templates")
	if err != nil {
		return nil, err
	}
	return &renderedChart{chart: chart, files: files}, nil
}

// renderChart is helm template: the manifests in install order, then the hooks.
func renderChart(chartDirectory string, release releaseInfo, options *commandOptions) (string, error) {
	rendered, err := renderFiles(chartDirectory, release, options)
	if err != nil {
		return "", err
	}
	manifests, err := splitManifests(rendered.files)
	if err != nil {
		return "", err
	}
	return formatOutput(manifests, options.skipTests), nil
}

// notes returns the rendered NOTES.txt, or "" when the chart has none.
func (rendered *renderedChart) notes() string {
	for name, content := range rendered.files {
		if strings.HasSuffix(name, "/templates/NOTES.txt") {
			return content
		}
	}
	return ""
}
