{{/*
Names and labels. Most named templates take a dict: root (the top-level context) and
component (a service or store name); the service templates add name and service.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "what-if.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The prefix of every object name: the release name when it already holds the chart name. */}}
{{- define "what-if.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "what-if.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of a component's objects, which is also its DNS name: <fullname>-<component>. It must
be a DNS-1035 label, as a Service name must. Helm accepts release names a Service cannot carry
(up to 53 characters, a leading digit, dots), and cutting a long name to 63 characters would
give two components one name, so such a name fails here instead.
*/}}
{{- define "what-if.componentName" -}}
{{- $name := printf "%s-%s" (include "what-if.fullname" .root) .component }}
{{- if not (regexMatch "^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$" $name) }}
{{- fail (printf "object name %q (release %q) is not a valid Kubernetes Service name: at most 63 characters, lower-case letters, digits and '-', starting with a letter; choose another release name or set fullnameOverride" $name .root.Release.Name) }}
{{- end }}
{{- $name }}
{{- end }}

{{/* The labels that select a component's pods; never change them on a live release. */}}
{{- define "what-if.selectorLabels" -}}
app.kubernetes.io/name: {{ include "what-if.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "what-if.labels" -}}
{{ include "what-if.selectorLabels" . }}
app.kubernetes.io/part-of: what-if
app.kubernetes.io/version: {{ .root.Values.global.image.tag | default .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "what-if.chart" .root }}
{{- with .root.Values.global.labels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The common metadata of a component's object: name, namespace, labels. */}}
{{- define "what-if.metadata" -}}
name: {{ include "what-if.componentName" . }}
namespace: {{ .root.Release.Namespace }}
labels:
  {{- include "what-if.labels" . | nindent 2 }}
{{- end }}

{{/* A pod selector (as a dict) for a component's pods, for NetworkPolicy peers. */}}
{{- define "what-if.podSelector" -}}
{{- toJson (dict "podSelector" (dict "matchLabels" (include "what-if.selectorLabels" . | fromYaml))) }}
{{- end }}
