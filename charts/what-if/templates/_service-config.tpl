{{/* The service's non-secret environment; the Deployment rolls when it changes (checksum/config). */}}
{{- define "what-if.service.configMap" -}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
data:
  {{- include "what-if.configData" . | fromJson | toYaml | nindent 2 }}
{{- end }}
