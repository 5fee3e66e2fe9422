package main

import (
	"encoding/json"
	"fmt"
	"os"

	"gopkg.in/yaml.v2"
)

// readValuesFile reads YAML the way Helm does (sigs.k8s.io/yaml): YAML 1.1 scalars through
// a JSON round trip, so every number arrives in templates as a float64, as under helm.
func readValuesFile(path string, optional bool) (map[string]interface{}, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		if optional && os.IsNotExist(err) {
			return map[string]interface{}{}, nil
		}
		return nil, err
	}
	values, err := parseValues(raw)
	if err != nil {
		return nil, fmt.Errorf("failed to parse %s: %w", path, err)
	}
	return values, nil
}

func parseValues(raw []byte) (map[string]interface{}, error) {
	decoded, err := yamlToJSONValue(raw)
	if err != nil {
		return nil, err
	}
	if decoded == nil {
		return map[string]interface{}{}, nil
	}
	values, ok := decoded.(map[string]interface{})
	if !ok {
		return nil, fmt.Errorf("error unmarshaling JSON: cannot unmarshal %T into map[string]interface {}", decoded)
	}
	return values, nil
}

// yamlToJSONValue decodes one YAML document into the values encoding/json would produce.
func yamlToJSONValue(raw []byte) (interface{}, error) {
	var document interface{}
	if err := yaml.Unmarshal(raw, &document); err != nil {
		return nil, fmt.Errorf("error converting YAML to JSON: %w", err)
	}
	converted, err := jsonCompatible(document)
	if err != nil {
		return nil, err
	}
	encoded, err := json.Marshal(converted)
	if err != nil {
		return nil, err
	}
	var result interface{}
	if err := json.Unmarshal(encoded, &result); err != nil {
		return nil, err
	}
	return result, nil
}

// jsonCompatible turns yaml.v2's map[interface{}]interface{} into string-keyed maps.
func jsonCompatible(value interface{}) (interface{}, error) {
	switch typed := value.(type) {
	case map[interface{}]interface{}:
		result := make(map[string]interface{}, len(typed))
		for key, item := range typed {
			converted, err := jsonCompatible(item)
			if err != nil {
				return nil, err
			}
			result[fmt.Sprint(key)] = converted
		}
		return result, nil
	case []interface{}:
		result := make([]interface{}, len(typed))
		for index, item := range typed {
			converted, err := jsonCompatible(item)
			if err != nil {
				return nil, err
			}
			result[index] = converted
		}
		return result, nil
	default:
		return typed, nil
	}
}

// coalesceValues lays overrides over defaults as Helm does: maps merge key by key, any
// other value replaces, and a null override deletes the default.
func coalesceValues(defaults, overrides map[string]interface{}) map[string]interface{} {
	result := make(map[string]interface{}, len(defaults))
	for key, value := range defaults {
		result[key] = value
	}
	for key, override := range overrides {
		if override == nil {
			delete(result, key)
			continue
		}
		overrideMap, overrideIsMap := override.(map[string]interface{})
		defaultMap, defaultIsMap := result[key].(map[string]interface{})
		if overrideIsMap && defaultIsMap {
			result[key] = coalesceValues(defaultMap, overrideMap)
		} else {
			result[key] = override
		}
	}
	return result
}

// userValues merges -f files in order, then --set and --set-string on top.
func userValues(options *commandOptions) (map[string]interface{}, error) {
	merged := map[string]interface{}{}
	for _, file := range options.valueFiles {
		values, err := readValuesFile(file, false)
		if err != nil {
			return nil, err
		}
		merged = mergeUserValues(merged, values)
	}
	for _, assignment := range options.setValues {
		if err := parseSet(assignment, merged, false); err != nil {
			return nil, fmt.Errorf("failed parsing --set data: %w", err)
		}
	}
	for _, assignment := range options.setStrings {
		if err := parseSet(assignment, merged, true); err != nil {
			return nil, fmt.Errorf("failed parsing --set-string data: %w", err)
		}
	}
	return merged, nil
}

// mergeUserValues merges one values file over the previous ones, keeping nulls so that
// coalescing with the chart's defaults can still delete keys.
func mergeUserValues(base, next map[string]interface{}) map[string]interface{} {
	result := make(map[string]interface{}, len(base))
	for key, value := range base {
		result[key] = value
	}
	for key, value := range next {
		nextMap, nextIsMap := value.(map[string]interface{})
		baseMap, baseIsMap := result[key].(map[string]interface{})
		if nextIsMap && baseIsMap {
			result[key] = mergeUserValues(baseMap, nextMap)
		} else {
			result[key] = value
		}
	}
	return result
}
