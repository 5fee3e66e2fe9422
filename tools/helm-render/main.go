// Command helm-render renders a Helm chart the way `helm template` does, without helm:
// Go's text/template with sprig v3 and Helm's own engine functions, values coalesced from
// values.yaml, -f files and --set flags, and validated against values.schema.json.
//
//	helm-render template NAME CHART [-f values.yaml]... [--set k=v]... [--namespace ns]
//	helm-render lint CHART [-f values.yaml]... [--strict]
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `Usage:
  helm-render template NAME CHART [flags]   render the chart to stdout, like helm template
  helm-render lint CHART [flags]            check the chart renders cleanly, like helm lint
  helm-render notes NAME CHART [flags]      print NOTES.txt as helm install would

Flags:
  -f, --values FILE         a values file (repeatable; later files win)
      --set KEY=VALUE       a value on the command line (repeatable; typed like Helm's --set)
      --set-string KEY=VAL  a value that stays a string
  -n, --namespace NS        .Release.Namespace (default "default")
      --kube-version V      .Capabilities.KubeVersion (default ` + defaultKubeVersion + `)
  -a, --api-versions GV     an extra API version for .Capabilities.APIVersions (repeatable)
      --skip-tests          leave out test hooks
      --strict              fail on a missing value a template reads (missingkey=error)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	options, err := parseArguments(args[1:])
	if err != nil {
		fmt.Fprintf(stderr, "Error: %s\n\n%s", err, usage)
		return 2
	}
	switch args[0] {
	case "template":
		return runTemplate(options, stdout, stderr)
	case "lint":
		return runLint(options, stdout, stderr)
	case "notes":
		return runNotes(options, stdout, stderr)
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "Error: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

func runTemplate(options *commandOptions, stdout, stderr io.Writer) int {
	if len(options.positional) != 2 {
		fmt.Fprintf(stderr, "Error: template needs a release name and a chart directory\n\n%s", usage)
		return 2
	}
	release := releaseInfo{Name: options.positional[0], Namespace: options.namespace}
	output, err := renderChart(options.positional[1], release, options)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %s\n", err)
		return 1
	}
	fmt.Fprint(stdout, output)
	return 0
}

func runNotes(options *commandOptions, stdout, stderr io.Writer) int {
	if len(options.positional) != 2 {
		fmt.Fprintf(stderr, "Error: notes needs a release name and a chart directory\n\n%s", usage)
		return 2
	}
	release := releaseInfo{Name: options.positional[0], Namespace: options.namespace}
	rendered, err := renderFiles(options.positional[1], release, options)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %s\n", err)
		return 1
	}
	fmt.Fprint(stdout, rendered.notes())
	return 0
}
