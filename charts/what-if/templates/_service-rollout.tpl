{{/*
Blue-green with Argo Rollouts (rollouts.enabled). A new revision starts beside the one serving,
behind the preview Service (in-cluster only: the Ingress names the active Service); an analysis
asks the preview for its own readiness and the system for its unified health; then the active
Service switches to it. Public services wait for a person (after a smoke check through the
preview) to promote; the previous revision stays up for scaleDownDelaySeconds, so going back is a
selector switch, not a rollout.
*/}}
{{- define "what-if.service.blueGreen" -}}
{{- $settings := .root.Values.rollouts }}
blueGreen:
  activeService: {{ include "what-if.componentName" . }}
  previewService: {{ include "what-if.componentName" (dict "root" .root "component" (printf "%s-preview" .name)) }}
  autoPromotionEnabled: {{ not .service.catalog.public }}
  scaleDownDelaySeconds: {{ $settings.scaleDownDelaySeconds }}
  prePromotionAnalysis:
    templates:
      - templateName: {{ include "what-if.componentName" (dict "root" .root "component" (printf "%s-pre-promotion" .name)) }}
{{- end }}

{{/* The Service in front of the revision being rolled out; Argo Rollouts points its selector at it. */}}
{{- define "what-if.service.previewService" -}}
{{- $preview := dict "root" .root "component" (printf "%s-preview" .name) }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "what-if.componentName" $preview }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "what-if.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "what-if.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .service.catalog.port }}
      targetPort: {{ .service.catalog.port }}
      protocol: TCP
{{- end }}

{{/*
What must hold before the preview takes traffic, measured by the Argo Rollouts controller: the
preview answers its own readiness path, and the unified health of the public service (through
its preview when it is the one rolled out) reports every service ready. A measurement that
fails or errors aborts the rollout; the active revision never stopped serving.
*/}}
{{- define "what-if.service.analysisTemplate" -}}
{{- $root := .root }}
{{- $settings := .root.Values.rollouts.analysis }}
{{- $namespace := .root.Release.Namespace }}
{{- $preview := include "what-if.componentName" (dict "root" $root "component" (printf "%s-preview" .name)) }}
{{- $public := "" }}
{{- $publicPort := 0 }}
{{- range $name, $service := .root.Values.services }}
{{- if $service.catalog.public }}
{{- $public = $name }}
{{- $publicPort = $service.catalog.port }}
{{- end }}
{{- end }}
{{- $unifiedHost := include "what-if.componentName" (dict "root" $root "component" (ternary (printf "%s-preview" $public) $public (eq .name $public))) }}
{{- $checks := list
  (dict "name" "preview-ready" "url" (printf "http://%s.%s.svc:%v%s" $preview $namespace .service.catalog.port .service.catalog.health.readiness))
  (dict "name" "unified-health" "url" (printf "http://%s.%s.svc:%v%s" $unifiedHost $namespace $publicPort $settings.unifiedHealthPath))
}}
---
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: {{ include "what-if.componentName" (dict "root" $root "component" (printf "%s-pre-promotion" .name)) }}
  namespace: {{ $namespace }}
  labels:
    {{- include "what-if.labels" . | nindent 4 }}
spec:
  metrics:
    {{- range $checks }}
    - name: {{ .name }}
      interval: {{ $settings.interval }}
      count: {{ $settings.count }}
      failureLimit: 0
      consecutiveErrorLimit: {{ $settings.consecutiveErrorLimit }}
      successCondition: result == "ok"
      provider:
        web:
          url: {{ .url }}
          timeoutSeconds: {{ $settings.timeoutSeconds }}
          jsonPath: "{$.status}"
    {{- end }}
{{- end }}
