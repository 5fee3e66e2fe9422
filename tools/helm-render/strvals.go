package main

import (
	"fmt"
	"strconv"
	"strings"
)

// parseSet applies one --set (or --set-string) argument to values: comma-separated
// key=value pairs, dotted keys, [n] list indices, {a,b} lists and backslash escapes.
func parseSet(argument string, values map[string]interface{}, forceString bool) error {
	for _, pair := range splitUnescaped(argument, ',', true) {
		if pair == "" {
			continue
		}
		keyText, valueText, found := cutUnescaped(pair, '=')
		if !found {
			return fmt.Errorf("key %q has no value", unescape(pair))
		}
		path, err := parseKeyPath(keyText)
		if err != nil {
			return err
		}
		var value interface{}
		if !forceString && strings.HasPrefix(valueText, "{") && strings.HasSuffix(valueText, "}") {
			list := []interface{}{}
			inner := valueText[1 : len(valueText)-1]
			for _, item := range splitUnescaped(inner, ',', false) {
				if inner == "" {
					break
				}
				list = append(list, typedValue(unescape(item), false))
			}
			value = list
		} else {
			value = typedValue(unescape(valueText), forceString)
		}
		if err := assign(values, path, value); err != nil {
			return fmt.Errorf("%s: %w", keyText, err)
		}
	}
	return nil
}

// typedValue types a --set value as Helm's strvals does: booleans, null, and integers
// without a leading zero; everything else stays a string.
func typedValue(text string, forceString bool) interface{} {
	if forceString {
		return text
	}
	switch strings.ToLower(text) {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	case "0":
		return int64(0)
	}
	if text != "" && text[0] != '0' {
		if number, err := strconv.ParseInt(text, 10, 64); err == nil {
			return number
		}
	}
	return text
}

// keyStep is one step of a --set key: a map key, or a list index when index >= 0.
type keyStep struct {
	key   string
	index int
}

func parseKeyPath(text string) ([]keyStep, error) {
	var steps []keyStep
	for _, part := range splitUnescaped(text, '.', false) {
		name := part
		var indices []int
		for strings.HasSuffix(name, "]") {
			open := strings.LastIndex(name, "[")
			if open < 0 {
				return nil, fmt.Errorf("key %q has an unmatched ]", text)
			}
			index, err := strconv.Atoi(name[open+1 : len(name)-1])
			if err != nil || index < 0 {
				return nil, fmt.Errorf("key %q has a bad list index", text)
			}
			indices = append([]int{index}, indices...)
			name = name[:open]
		}
		if name == "" {
			return nil, fmt.Errorf("key %q has an empty part", text)
		}
		steps = append(steps, keyStep{key: unescape(name), index: -1})
		for _, index := range indices {
			steps = append(steps, keyStep{index: index})
		}
	}
	return steps, nil
}

func assign(container map[string]interface{}, path []keyStep, value interface{}) error {
	step := path[0]
	if len(path) == 1 {
		container[step.key] = value
		return nil
	}
	next := path[1]
	if next.index >= 0 {
		list, _ := container[step.key].([]interface{})
		updated, err := assignInList(list, path[1:], value)
		if err != nil {
			return err
		}
		container[step.key] = updated
		return nil
	}
	child, ok := container[step.key].(map[string]interface{})
	if !ok {
		child = map[string]interface{}{}
		container[step.key] = child
	}
	return assign(child, path[1:], value)
}

func assignInList(list []interface{}, path []keyStep, value interface{}) ([]interface{}, error) {
	index := path[0].index
	for len(list) <= index {
		list = append(list, nil)
	}
	if len(path) == 1 {
		list[index] = value
		return list, nil
	}
	if path[1].index >= 0 {
		inner, _ := list[index].([]interface{})
		updated, err := assignInList(inner, path[1:], value)
		list[index] = updated
		return list, err
	}
	child, ok := list[index].(map[string]interface{})
	if !ok {
		child = map[string]interface{}{}
		list[index] = child
	}
	return list, assign(child, path[1:], value)
}

// splitUnescaped splits on separator outside backslash escapes and, when braces is set,
// outside {...} lists.
func splitUnescaped(text string, separator rune, braces bool) []string {
	var parts []string
	var current strings.Builder
	depth := 0
	escaped := false
	for _, character := range text {
		switch {
		case escaped:
			current.WriteRune('\\')
			current.WriteRune(character)
			escaped = false
		case character == '\\':
			escaped = true
		case braces && character == '{':
			depth++
			current.WriteRune(character)
		case braces && character == '}' && depth > 0:
			depth--
			current.WriteRune(character)
		case character == separator && depth == 0:
			parts = append(parts, current.String())
			current.Reset()
		default:
			current.WriteRune(character)
		}
	}
	return append(parts, current.String())
}

func cutUnescaped(text string, separator rune) (string, string, bool) {
	parts := splitUnescaped(text, separator, false)
	if len(parts) < 2 {
		return text, "", false
	}
	return parts[0], text[len(parts[0])+1:], true
}

func unescape(text string) string {
	var result strings.Builder
	escaped := false
	for _, character := range text {
		if !escaped && character == '\\' {
			escaped = true
			continue
		}
		escaped = false
		result.WriteRune(character)
	}
	return result.String()
}
