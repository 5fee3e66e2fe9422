{{/*
The service's Deployment (an Argo Rollouts Rollout with rollouts.enabled): hardened pod (non-root, read-only root filesystem with /tmp as an
emptyDir, no capabilities, RuntimeDefault seccomp, no API token), probes on the catalog's
health paths, spread across zones and nodes, and a grace period longer than the service's
own shutdown (readiness fails first, then in-flight requests drain), so no preStop hook.
With rollouts.enabled the same pod template rolls out blue-green (_service-rollout.tpl).
*/}}
{{- define "what-if.service.deployment" -}}
{{- $root := .root }}
{{- $values := .root.Values }}
{{- $service := .service }}
{{- $port := $service.catalog.port }}
{{- $config := include "what-if.configData" . | fromJson }}
{{- $files := include "what-if.sharedFiles" . | fromJson }}
{{- $podAnnotations := merge (dict "checksum/config" (toJson $config | sha256sum)) $service.podAnnotations $values.global.podAnnotations }}
---
{{- if $values.rollouts.enabled }}
apiVersion: argoproj.io/v1alpha1
kind: Rollout
{{- else }}
apiVersion: apps/v1
kind: Deployment
{{- end }}
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
  {{- with $service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if not $values.autoscaling.enabled }}
  replicas: {{ $service.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "what-if.selectorLabels" . | nindent 6 }}
  strategy:
    {{- if $values.rollouts.enabled }}
    {{- include "what-if.service.blueGreen" . | nindent 4 }}
    {{- else }}
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
    {{- end }}
  template:
    metadata:
      labels:
        {{- include "what-if.labels" . | nindent 8 }}
      annotations:
        {{- toYaml $podAnnotations | nindent 8 }}
    spec:
      {{- if $values.serviceAccount.enabled }}
      serviceAccountName: {{ include "what-if.componentName" . }}
      {{- end }}
      automountServiceAccountToken: {{ $values.serviceAccount.automountToken }}
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ include "what-if.terminationGracePeriodSeconds" . }}
      {{- with $values.global.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      {{- with $values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $values.podSecurityContext | nindent 8 }}
      {{- with $values.global.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.global.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $values.topologySpread.enabled }}
      topologySpreadConstraints:
        {{- include "what-if.topologySpread" . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "what-if.image" . }}
          imagePullPolicy: {{ $values.global.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "what-if.componentName" . }}
          {{- if or $service.catalog.secretEnv $service.extraEnv }}
          env:
            {{- /* With External Secrets the Secret holds every key of the layout: each is required, so no pod starts before its Secret is complete. */}}
            {{- range $service.catalog.secretEnv }}
            - name: {{ .name }}
              valueFrom:
                secretKeyRef:
                  name: {{ include "what-if.componentName" $ }}
                  key: {{ .name }}
                  optional: {{ and .optional (not $values.externalSecrets.enabled) }}
            {{- end }}
            {{- with $service.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- end }}
          startupProbe:
            {{- include "what-if.probe" (dict "path" $service.catalog.health.liveness "port" $port "period" 2 "failures" 60) | nindent 12 }}
          livenessProbe:
            {{- include "what-if.probe" (dict "path" $service.catalog.health.liveness "port" $port "period" 10 "failures" 3) | nindent 12 }}
          readinessProbe:
            {{- include "what-if.probe" (dict "path" $service.catalog.health.readiness "port" $port "period" 5 "failures" 2) | nindent 12 }}
          resources:
            {{- toYaml $service.resources | nindent 12 }}
          securityContext:
            {{- toYaml $values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with $files.mount }}
            - {{- toYaml . | nindent 14 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $service.tmpSizeLimit }}
        {{- with $files.volume }}
        - {{- toYaml . | nindent 10 }}
        {{- end }}
{{- end }}

{{/* An HTTP probe; startup allows period x failures seconds (migrations run at start). */}}
{{- define "what-if.probe" -}}
httpGet:
  path: {{ .path }}
  port: {{ .port }}
  scheme: HTTP
periodSeconds: {{ .period }}
timeoutSeconds: 2
failureThreshold: {{ .failures }}
{{- end }}

{{/*
One spread over zones and one over nodes. matchLabelKeys counts only pods of the same
revision (the ReplicaSet's pod-template-hash, or Argo Rollouts' rollouts-pod-template-hash), so
a rollout does not skew against the pods it is replacing.
*/}}
{{- define "what-if.topologySpread" -}}
{{- $settings := .root.Values.topologySpread }}
{{- $selector := dict "matchLabels" (include "what-if.selectorLabels" . | fromYaml) }}
{{- $revisionLabel := default (ternary "rollouts-pod-template-hash" "pod-template-hash" .root.Values.rollouts.enabled) .revisionLabel }}
{{- $zone := dict "topologyKey" "topology.kubernetes.io/zone" "whenUnsatisfiable" $settings.zoneWhenUnsatisfiable }}
{{- $node := dict "topologyKey" "kubernetes.io/hostname" "whenUnsatisfiable" $settings.nodeWhenUnsatisfiable }}
{{- $constraints := list }}
{{- range list $zone $node }}
{{- $constraints = append $constraints (merge . (dict "maxSkew" $settings.maxSkew "labelSelector" $selector "matchLabelKeys" (list $revisionLabel))) }}
{{- end }}
{{- toYaml $constraints }}
{{- end }}
