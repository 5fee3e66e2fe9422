{{/* The service's own identity; with aws.identity irsa, the IAM role it assumes. */}}
{{- define "what-if.service.serviceAccount" -}}
{{- $values := .root.Values }}
{{- $annotations := merge (dict) .service.serviceAccountAnnotations $values.serviceAccount.annotations }}
{{- if and (eq $values.aws.identity "irsa") .service.awsRoleArn }}
{{- $_ := set $annotations "eks.amazonaws.com/role-arn" .service.awsRoleArn }}
{{- end }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ $values.serviceAccount.automountToken }}
{{- end }}
