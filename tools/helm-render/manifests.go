package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v2"
)

// installOrder is Helm's InstallOrder: the kind order in which helm writes and applies
// manifests. Kinds it does not know come last, by kind name.
var installOrder = []string{
	"PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
	"PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
	"PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
	"ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
	"RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
	"HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
	"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
}

var documentSeparator = regexp.MustCompile(`(?:^|\s*\n)---\s*`)

// manifest is one YAML document of the rendered output and the template it came from.
type manifest struct {
	Source  string
	Content string
	Kind    string
	Name    string
	Hook    string
}

type manifestHead struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name        string            `yaml:"name"`
		Annotations map[string]string `yaml:"annotations"`
	} `yaml:"metadata"`
}

// splitManifests cuts every rendered file into documents, in file name order and document
// order within a file, and reads each one's kind, name and hook annotation.
func splitManifests(rendered map[string]string) ([]manifest, error) {
	sources := make([]string, 0, len(rendered))
	for source := range rendered {
		sources = append(sources, source)
	}
	sort.Strings(sources)
	var manifests []manifest
	for _, source := range sources {
		if isPartial(source) {
			continue
		}
		for _, document := range documentSeparator.Split(strings.TrimSpace(rendered[source]), -1) {
			document = strings.TrimSpace(document)
			if document == "" {
				continue
			}
			var head manifestHead
			if err := yaml.Unmarshal([]byte(document), &head); err != nil {
				return nil, fmt.Errorf("YAML parse error on %s: error converting YAML to JSON: %w", source, err)
			}
			manifests = append(manifests, manifest{
				Source:  source,
				Content: document,
				Kind:    head.Kind,
				Name:    head.Metadata.Name,
				Hook:    head.Metadata.Annotations["helm.sh/hook"],
			})
		}
	}
	return manifests, nil
}

// sortByKind orders manifests as helm does, keeping the original order within a kind.
func sortByKind(manifests []manifest) {
	rank := make(map[string]int, len(installOrder))
	for index, kind := range installOrder {
		rank[kind] = index
	}
	sort.SliceStable(manifests, func(i, j int) bool {
		rankI, knownI := rank[manifests[i].Kind]
		rankJ, knownJ := rank[manifests[j].Kind]
		switch {
		case !knownI && !knownJ:
			return manifests[i].Kind < manifests[j].Kind
		case !knownI:
			return false
		case !knownJ:
			return true
		default:
			return rankI < rankJ
		}
	})
}

func isTestHook(hook string) bool {
	for _, event := range strings.Split(hook, ",") {
		event = strings.TrimSpace(event)
		if event == "test" || event == "test-success" {
			return true
		}
	}
	return false
}

// formatOutput prints the release manifest, then the hooks, with the "# Source:" lines
// helm template writes.
func formatOutput(manifests []manifest, skipTests bool) string {
	var resources, hooks []manifest
	for _, item := range manifests {
		if item.Hook == "" {
			resources = append(resources, item)
		} else if !(skipTests && isTestHook(item.Hook)) {
			hooks = append(hooks, item)
		}
	}
	sortByKind(resources)
	sortByKind(hooks)
	var body strings.Builder
	for _, item := range resources {
		fmt.Fprintf(&body, "---\n# Source: %s\n%s\n", item.Source, item.Content)
	}
	var output strings.Builder
	if trimmed := strings.TrimSpace(body.String()); trimmed != "" {
		output.WriteString(trimmed + "\n")
	}
	for _, item := range hooks {
		fmt.Fprintf(&output, "---\n# Source: %s\n%s\n", item.Source, item.Content)
	}
	return output.String()
}
