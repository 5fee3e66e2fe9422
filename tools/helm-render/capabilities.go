package main

import (
	"fmt"
	"strings"
)

// defaultKubeVersion is what .Capabilities.KubeVersion reports without --kube-version,
// as helm template reports its own client version when no cluster is asked.
const defaultKubeVersion = "v1.30.0"

// builtinAPIVersions are the API groups a conformant cluster of that version serves.
var builtinAPIVersions = []string{
	"v1",
	"apps/v1",
	"autoscaling/v1",
	"autoscaling/v2",
	"batch/v1",
	"policy/v1",
	"networking.k8s.io/v1",
	"rbac.authorization.k8s.io/v1",
	"storage.k8s.io/v1",
	"scheduling.k8s.io/v1",
	"coordination.k8s.io/v1",
	"discovery.k8s.io/v1",
	"apiextensions.k8s.io/v1",
	"admissionregistration.k8s.io/v1",
	"certificates.k8s.io/v1",
	"events.k8s.io/v1",
	"node.k8s.io/v1",
}

// kubeVersion mirrors Helm's chartutil.KubeVersion.
type kubeVersion struct {
	Version string
	Major   string
	Minor   string
}

func (version kubeVersion) String() string     { return version.Version }
func (version kubeVersion) GitVersion() string { return version.Version }

// versionSet mirrors Helm's chartutil.VersionSet, which templates query with .Has.
type versionSet []string

func (set versionSet) Has(apiVersion string) bool {
	for _, candidate := range set {
		if candidate == apiVersion {
			return true
		}
	}
	return false
}

type helmVersion struct {
	Version      string
	GitCommit    string
	GitTreeState string
	GoVersion    string
}

type capabilities struct {
	KubeVersion kubeVersion
	APIVersions versionSet
	HelmVersion helmVersion
}

func newCapabilities(version string, extraAPIVersions []string) (*capabilities, error) {
	trimmed := strings.TrimPrefix(version, "v")
	parts := strings.Split(trimmed, ".")
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return nil, fmt.Errorf("invalid kube version %q: want vMAJOR.MINOR[.PATCH]", version)
	}
	apiVersions := append(versionSet{}, builtinAPIVersions...)
	apiVersions = append(apiVersions, extraAPIVersions...)
	return &capabilities{
		KubeVersion: kubeVersion{Version: "v" + trimmed, Major: parts[0], Minor: parts[1]},
		APIVersions: apiVersions,
		HelmVersion: helmVersion{Version: "v3.16.0", GitTreeState: "clean", GoVersion: "go1.19"},
	}, nil
}

// releaseInfo is what templates see as .Release.
type releaseInfo struct {
	Name      string
	Namespace string
}

func (release releaseInfo) asValues() map[string]interface{} {
	return map[string]interface{}{
		"Name":      release.Name,
		"Namespace": release.Namespace,
		"IsUpgrade": false,
		"IsInstall": true,
		"Revision":  1,
		"Service":   "Helm",
	}
}
