package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v2"
)

// chartMetadata is Chart.yaml with Helm's field names, so templates read .Chart.Name,
// .Chart.AppVersion and the rest exactly as they would under helm.
type chartMetadata struct {
	Name         string            `yaml:"name"`
	Home         string            `yaml:"home"`
	Sources      []string          `yaml:"sources"`
	Version      string            `yaml:"version"`
	Description  string            `yaml:"description"`
	Keywords     []string          `yaml:"keywords"`
	Maintainers  []chartMaintainer `yaml:"maintainers"`
	Icon         string            `yaml:"icon"`
	APIVersion   string            `yaml:"apiVersion"`
	Condition    string            `yaml:"condition"`
	Tags         string            `yaml:"tags"`
	AppVersion   string            `yaml:"appVersion"`
	Deprecated   bool              `yaml:"deprecated"`
	Annotations  map[string]string `yaml:"annotations"`
	KubeVersion  string            `yaml:"kubeVersion"`
	Type         string            `yaml:"type"`
	Dependencies []interface{}     `yaml:"dependencies"`
}

type chartMaintainer struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	URL   string `yaml:"url"`
}

// chartTemplate is one file under templates/, named as Helm names it: <chart>/templates/<path>.
type chartTemplate struct {
	Name    string
	Content string
}

type loadedChart struct {
	Directory string
	Metadata  chartMetadata
	Templates []chartTemplate
	Values    map[string]interface{}
	// Schema is values.schema.json, or nil when the chart has none.
	Schema []byte
}

func loadChart(directory string) (*loadedChart, error) {
	raw, err := os.ReadFile(filepath.Join(directory, "Chart.yaml"))
	if err != nil {
		return nil, fmt.Errorf("%s is not a chart: %w", directory, err)
	}
	chart := &loadedChart{Directory: directory}
	if err := yaml.UnmarshalStrict(raw, &chart.Metadata); err != nil {
		return nil, fmt.Errorf("cannot load Chart.yaml: %w", err)
	}
	if chart.Metadata.Name == "" {
		return nil, fmt.Errorf("validation: chart.metadata.name is required")
	}
	if chart.Metadata.Version == "" {
		return nil, fmt.Errorf("validation: chart.metadata.version is required")
	}
	chart.Values, err = readValuesFile(filepath.Join(directory, "values.yaml"), true)
	if err != nil {
		return nil, err
	}
	chart.Schema, err = os.ReadFile(filepath.Join(directory, "values.schema.json"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	chart.Templates, err = readTemplates(directory, chart.Metadata.Name)
	return chart, err
}

func readTemplates(directory, chartName string) ([]chartTemplate, error) {
	root := filepath.Join(directory, "templates")
	var templates []chartTemplate
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		relative, err := filepath.Rel(directory, path)
		if err != nil {
			return err
		}
		name := chartName + "/" + filepath.ToSlash(relative)
		templates = append(templates, chartTemplate{Name: name, Content: string(content)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read the chart's templates: %w", err)
	}
	sort.Slice(templates, func(i, j int) bool { return templates[i].Name < templates[j].Name })
	return templates, nil
}

// isPartial reports whether Helm treats a template file as definitions only: never rendered
// as a manifest itself (a leading underscore), or the post-install notes.
func isPartial(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, "_") || strings.HasSuffix(name, "NOTES.txt")
}
