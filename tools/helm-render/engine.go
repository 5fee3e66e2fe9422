package main

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

// maxIncludeDepth stops a template that includes itself, as Helm does, instead of
// exhausting the stack.
const maxIncludeDepth = 1000

// helmMessage marks a message raised by required or fail, so the error Helm prints is the
// chart author's sentence rather than text/template's call chain.
var helmMessage = regexp.MustCompile(`HELM\[(.*)\]HELM`)

func wrapMessage(message string) string { return "HELM[" + message + "]HELM" }

type engine struct {
	strict bool
}

// render executes every template of the chart with the given top-level values and returns
// each file's output by template name, partials excluded.
func (e engine) render(templates []chartTemplate, topValues map[string]interface{}, basePath string) (map[string]string, error) {
	root := template.New("gotpl")
	e.setMissingKey(root)
	includeDepth := map[string]int{}
	root.Funcs(helmFunctions())
	root.Funcs(e.engineFunctions(root, includeDepth))
	for _, name := range parseOrder(templates) {
		if _, err := root.New(name).Parse(contentOf(templates, name)); err != nil {
			return nil, cleanupParseError(name, err)
		}
	}
	rendered := map[string]string{}
	for _, file := range templates {
		if strings.HasPrefix(path.Base(file.Name), "_") {
			continue
		}
		values := make(map[string]interface{}, len(topValues)+1)
		for key, value := range topValues {
			values[key] = value
		}
		values["Template"] = map[string]interface{}{"Name": file.Name, "BasePath": basePath}
		var output strings.Builder
		if err := root.ExecuteTemplate(&output, file.Name, values); err != nil {
			return nil, cleanupExecError(file.Name, err)
		}
		// Go prints "<no value>" for a missing key even under missingkey=zero; Helm blanks it.
		rendered[file.Name] = strings.ReplaceAll(output.String(), "<no value>", "")
	}
	return rendered, nil
}

func (e engine) setMissingKey(t *template.Template) {
	if e.strict {
		t.Option("missingkey=error")
	} else {
		t.Option("missingkey=zero")
	}
}

// engineFunctions are the functions that need the template set itself.
func (e engine) engineFunctions(t *template.Template, includeDepth map[string]int) template.FuncMap {
	return template.FuncMap{
		"include": func(name string, data interface{}) (string, error) {
			if includeDepth[name] > maxIncludeDepth {
				return "", fmt.Errorf("rendering template has a nested reference name: %s: unable to execute template", name)
			}
			includeDepth[name]++
			defer func() { includeDepth[name]-- }()
			var output strings.Builder
			err := t.ExecuteTemplate(&output, name, data)
			return output.String(), err
		},
		"tpl": func(text string, values interface{}) (string, error) {
			return e.tpl(t, includeDepth, text, values)
		},
		"required": func(message string, value interface{}) (interface{}, error) {
			if value == nil {
				return value, errors.New(wrapMessage(message))
			}
			if text, isString := value.(string); isString && text == "" {
				return value, errors.New(wrapMessage(message))
			}
			return value, nil
		},
		"fail": func(message string) (string, error) {
			return "", errors.New(wrapMessage(message))
		},
	}
}

// tpl renders a string as a template against the given values, able to include the
// chart's named templates, as Helm's tpl does.
func (e engine) tpl(parent *template.Template, includeDepth map[string]int, text string, values interface{}) (string, error) {
	clone, err := parent.Clone()
	if err != nil {
		return "", err
	}
	e.setMissingKey(clone)
	clone.Funcs(e.engineFunctions(clone, includeDepth))
	name := "tpl"
	if asMap, ok := values.(map[string]interface{}); ok {
		if current, ok := asMap["Template"].(map[string]interface{}); ok {
			if templateName, ok := current["Name"].(string); ok {
				name = templateName
			}
		}
	}
	parsed, err := clone.New(name).Parse(text)
	if err != nil {
		return "", cleanupParseError(name, err)
	}
	var output strings.Builder
	if err := parsed.Execute(&output, values); err != nil {
		return "", cleanupExecError(name, err)
	}
	return strings.ReplaceAll(output.String(), "<no value>", ""), nil
}

// parseOrder is Helm's: deeper paths first, then reverse name order, so that where two
// files define the same name the outcome matches helm's.
func parseOrder(templates []chartTemplate) []string {
	names := make([]string, len(templates))
	for index, file := range templates {
		names[index] = file.Name
	}
	sort.Slice(names, func(i, j int) bool {
		depthI, depthJ := strings.Count(names[i], "/"), strings.Count(names[j], "/")
		if depthI == depthJ {
			return names[i] > names[j]
		}
		return depthI > depthJ
	})
	return names
}

func contentOf(templates []chartTemplate, name string) string {
	for _, file := range templates {
		if file.Name == name {
			return file.Content
		}
	}
	return ""
}

func cleanupParseError(name string, err error) error {
	tokens := strings.Split(err.Error(), ": ")
	if len(tokens) == 1 {
		return fmt.Errorf("parse error in (%s): %s", name, err)
	}
	return fmt.Errorf("parse error at (%s): %s", tokens[1], tokens[len(tokens)-1])
}

func cleanupExecError(name string, err error) error {
	var execError template.ExecError
	if !errors.As(err, &execError) {
		return fmt.Errorf("render error in %q: %w", name, err)
	}
	tokens := strings.SplitN(err.Error(), ": ", 3)
	if len(tokens) != 3 {
		return fmt.Errorf("execution error at (%s): %s", name, err)
	}
	if message := helmMessage.FindStringSubmatch(tokens[2]); len(message) >= 2 {
		return fmt.Errorf("execution error at (%s): %s", tokens[1], message[1])
	}
	return err
}
