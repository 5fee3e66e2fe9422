package main

import (
	"fmt"
	"strings"
)

// commandOptions are the flags helm template and helm lint share, parsed the way Helm's
// CLI accepts them: flags before, between or after the positional arguments.
type commandOptions struct {
	positional  []string
	valueFiles  []string
	setValues   []string
	setStrings  []string
	namespace   string
	kubeVersion string
	apiVersions []string
	skipTests   bool
	strict      bool
}

var flagsWithValue = map[string]string{
	"-f": "values", "--values": "values",
	"--set":        "set",
	"--set-string": "set-string",
	"-n":           "namespace", "--namespace": "namespace",
	"--kube-version": "kube-version",
	"-a":             "api-versions", "--api-versions": "api-versions",
}

func parseArguments(args []string) (*commandOptions, error) {
	options := &commandOptions{namespace: "default", kubeVersion: defaultKubeVersion}
	for index := 0; index < len(args); index++ {
		argument := args[index]
		switch argument {
		case "--skip-tests":
			options.skipTests = true
			continue
		case "--strict":
			options.strict = true
			continue
		}
		if !strings.HasPrefix(argument, "-") {
			options.positional = append(options.positional, argument)
			continue
		}
		name, value, inline := strings.Cut(argument, "=")
		flag, known := flagsWithValue[name]
		if !known {
			return nil, fmt.Errorf("unknown flag %s", name)
		}
		if !inline {
			if index+1 >= len(args) {
				return nil, fmt.Errorf("flag %s needs a value", name)
			}
			index++
			value = args[index]
		}
		switch flag {
		case "values":
			options.valueFiles = append(options.valueFiles, value)
		case "set":
			options.setValues = append(options.setValues, value)
		case "set-string":
			options.setStrings = append(options.setStrings, value)
		case "namespace":
			options.namespace = value
		case "kube-version":
			options.kubeVersion = value
		case "api-versions":
			options.apiVersions = append(options.apiVersions, value)
		}
	}
	return options, nil
}
