{{/*
The service's Secret, holding its secret: true variables. ExternalSecret: the External
Secrets Operator fills it from AWS Secrets Manager, each key from where the catalog's secret
layout keeps it (<keyPrefix><key>, a JSON property where there is one): the layout the ECS
stacks read too. dev: the chart writes the in-cluster stores' URLs. Neither: you create it
(see the README).
*/}}
{{- define "what-if.service.externalSecret" -}}
{{- $settings := .root.Values.externalSecrets }}
---
apiVersion: {{ $settings.apiVersion }}
kind: ExternalSecret
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  refreshInterval: {{ $settings.refreshInterval }}
  secretStoreRef:
    kind: {{ $settings.secretStoreRef.kind }}
    name: {{ $settings.secretStoreRef.name }}
  target:
    name: {{ include "what-if.componentName" . }}
    creationPolicy: Owner
  data:
    {{- range .service.catalog.secretEnv }}
    - secretKey: {{ .name }}
      remoteRef:
        key: {{ printf "%s%s" $settings.keyPrefix .key }}
        {{- with .property }}
        property: {{ . }}
        {{- end }}
    {{- end }}
{{- end }}

{{/* Only the store URLs go here; a service with no in-cluster store has only optional secrets. */}}
{{- define "what-if.service.devSecret" -}}
{{- $data := include "what-if.devStoreSecretData" . | fromJson }}
{{- if $data }}
---
apiVersion: v1
kind: Secret
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
type: Opaque
stringData:
  {{- toYaml $data | nindent 2 }}
{{- end }}
{{- end }}
