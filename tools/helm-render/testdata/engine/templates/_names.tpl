{{- define "engine.name" -}}
{{ .Chart.Name }}-{{ .Release.Name }}
{{- end }}
