package main

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"

	"gopkg.in/yaml.v2"
)

// dns1123Subdomain is the name rule of most Kubernetes objects.
// semanticVersion is SemVer 2.0.0's own regular expression, which helm lint enforces on version.
var semanticVersion = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

var dns1123Subdomain = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)

type lintFinding struct {
	severity string
	path     string
	message  string
}

// runLint is helm lint: the chart's metadata, its values against the schema, and every
// template rendered and parsed. Warnings fail the run under --strict, as with helm.
func runLint(options *commandOptions, stdout, stderr io.Writer) int {
	if len(options.positional) != 1 {
		fmt.Fprintf(stderr, "Error: lint needs one chart directory\n\n%s", usage)
		return 2
	}
	directory := options.positional[0]
	findings := lintChart(directory, options)
	fmt.Fprintf(stdout, "==> Linting %s\n", directory)
	failed := false
	for _, finding := range findings {
		fmt.Fprintf(stdout, "[%s] %s: %s\n", finding.severity, finding.path, finding.message)
		if finding.severity == "ERROR" || (options.strict && finding.severity == "WARNING") {
			failed = true
		}
	}
	fmt.Fprintln(stdout)
	if failed {
		fmt.Fprintln(stderr, "Error: 1 chart(s) linted, 1 chart(s) failed")
		return 1
	}
	fmt.Fprintln(stdout, "1 chart(s) linted, 0 chart(s) failed")
	return 0
}

func lintChart(directory string, options *commandOptions) []lintFinding {
	chart, err := loadChart(directory)
	if err != nil {
		return []lintFinding{{"ERROR", "Chart.yaml", err.Error()}}
	}
	findings := lintMetadata(directory, chart.Metadata)
	rendered, err := renderFiles(directory, releaseInfo{Name: "release-name", Namespace: options.namespace}, options)
	if err != nil {
		return append(findings, lintFinding{"ERROR", "templates/", err.Error()})
	}
	manifests, err := splitManifests(rendered.files)
	if err != nil {
		return append(findings, lintFinding{"ERROR", "templates/", err.Error()})
	}
	return append(findings, lintManifests(manifests)...)
}

func lintMetadata(directory string, metadata chartMetadata) []lintFinding {
	var findings []lintFinding
	if metadata.APIVersion != "v2" {
		findings = append(findings, lintFinding{"ERROR", "Chart.yaml", "apiVersion must be v2"})
	}
	if base, _ := filepath.Abs(directory); filepath.Base(base) != metadata.Name {
		findings = append(findings, lintFinding{"ERROR", "Chart.yaml", fmt.Sprintf("chart name %q must match the directory name", metadata.Name)})
	}
	if !semanticVersion.MatchString(metadata.Version) {
		findings = append(findings, lintFinding{"ERROR", "Chart.yaml", fmt.Sprintf("version %q is not a valid SemVerV2", metadata.Version)})
	}
	if metadata.AppVersion == "" {
		findings = append(findings, lintFinding{"WARNING", "Chart.yaml", "appVersion is recommended"})
	}
	if metadata.Icon == "" {
		findings = append(findings, lintFinding{"INFO", "Chart.yaml", "icon is recommended"})
	}
	return findings
}

func lintManifests(manifests []manifest) []lintFinding {
	var findings []lintFinding
	seen := map[string]string{}
	for _, item := range manifests {
		// Strict decoding also refuses a key written twice, which kubectl would silently collapse.
		var document map[string]interface{}
		if err := yaml.UnmarshalStrict([]byte(item.Content), &document); err != nil {
			findings = append(findings, lintFinding{"ERROR", item.Source, fmt.Sprintf("unable to parse YAML: %s", err)})
			continue
		}
		switch {
		case item.Kind == "" || document["apiVersion"] == nil:
			findings = append(findings, lintFinding{"ERROR", item.Source, "object has no apiVersion or kind"})
		case item.Name == "":
			findings = append(findings, lintFinding{"ERROR", item.Source, fmt.Sprintf("%s has no metadata.name", item.Kind)})
		case len(item.Name) > 253 || !dns1123Subdomain.MatchString(item.Name):
			findings = append(findings, lintFinding{"ERROR", item.Source, fmt.Sprintf("%s name %q is not a valid DNS-1123 subdomain", item.Kind, item.Name)})
		}
		key := item.Kind + "/" + item.Name
		if previous, duplicate := seen[key]; duplicate && item.Name != "" {
			findings = append(findings, lintFinding{"ERROR", item.Source, fmt.Sprintf("%s is also rendered by %s", key, previous)})
		}
		seen[key] = item.Source
	}
	return findings
}
