{{/* CPU and memory autoscaling within the catalog's bounds. */}}
{{- define "what-if.service.hpa" -}}
{{- $scaling := .service.autoscaling }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    {{- if .root.Values.rollouts.enabled }}
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    {{- else }}
    apiVersion: apps/v1
    kind: Deployment
    {{- end }}
    name: {{ include "what-if.componentName" . }}
  minReplicas: {{ $scaling.minReplicas }}
  maxReplicas: {{ $scaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $scaling.targetCPU }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $scaling.targetMemory }}
  behavior:
    {{- toYaml .root.Values.autoscaling.behavior | nindent 4 }}
{{- end }}

{{/* Node drains and upgrades take at most maxUnavailable pods of the service at a time. */}}
{{- define "what-if.service.pdb" -}}
{{- $settings := .root.Values.pdb }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  maxUnavailable: {{ $settings.maxUnavailable }}
  unhealthyPodEvictionPolicy: {{ $settings.unhealthyPodEvictionPolicy }}
  selector:
    matchLabels:
      {{- include "what-if.selectorLabels" . | nindent 6 }}
{{- end }}
