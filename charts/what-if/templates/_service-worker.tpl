{{/*
A catalog worker (video's renderer): its service's image, ConfigMap and Secret with the
worker's command, port (health and metrics only: no Service, nobody calls it), resources and
drain, under its own ServiceAccount (and AWS role), PodDisruptionBudget and NetworkPolicy
(reached only by metrics scrapers; reaching its service's stores, never another service). It
scales on its BullMQ wait list and on CPU with a KEDA ScaledObject (keda.enabled), else on CPU
with an HPA. The grace period outlasts the readiness delay and the drain, in which the running
render finishes or goes back to the queue. The context is the service's, plus component (the
worker's name) and worker (its values).
*/}}
{{- define "what-if.worker" -}}
{{- $values := .root.Values }}
{{- if $values.serviceAccount.enabled }}
{{ include "what-if.worker.serviceAccount" . }}
{{- end }}
{{ include "what-if.worker.deployment" . }}
{{- if $values.keda.enabled }}
{{ include "what-if.worker.scaledObject" . }}
{{- else if $values.autoscaling.enabled }}
{{ include "what-if.worker.hpa" . }}
{{- end }}
{{- if $values.pdb.enabled }}
{{ include "what-if.service.pdb" . }}
{{- end }}
{{- if $values.networkPolicy.enabled }}
{{ include "what-if.worker.networkPolicy" . }}
{{- end }}
{{- end }}

{{- define "what-if.worker.serviceAccount" -}}
{{- $values := .root.Values }}
{{- $annotations := merge (dict) .worker.serviceAccountAnnotations $values.serviceAccount.annotations }}
{{- if and (eq $values.aws.identity "irsa") .worker.awsRoleArn }}
{{- $_ := set $annotations "eks.amazonaws.com/role-arn" .worker.awsRoleArn }}
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

{{- define "what-if.worker.deployment" -}}
{{- $values := .root.Values }}
{{- $service := .service }}
{{- $worker := .worker }}
{{- $port := $worker.catalog.port }}
{{- $serviceContext := dict "root" .root "name" .name "component" .name "service" $service }}
{{- $serviceObjects := include "what-if.componentName" $serviceContext }}
{{- $config := include "what-if.configData" $serviceContext | fromJson }}
{{- $files := include "what-if.sharedFiles" $serviceContext | fromJson }}
{{- $podAnnotations := merge (dict "checksum/config" (toJson $config | sha256sum)) $worker.podAnnotations $values.global.podAnnotations }}
{{- $delay := $service.env.SHUTDOWN_DELAY_MS | int }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
  {{- with $worker.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if not (or $values.keda.enabled $values.autoscaling.enabled) }}
  replicas: {{ $worker.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "what-if.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
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
      terminationGracePeriodSeconds: {{ add (div (add $delay 999) 1000) $worker.catalog.drainSeconds 5 }}
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
        {{- /* A worker is never a Rollout: its revisions are its ReplicaSets'. */}}
        {{- include "what-if.topologySpread" (merge (dict "revisionLabel" "pod-template-hash") .) | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .component }}
          image: {{ include "what-if.image" $serviceContext }}
          imagePullPolicy: {{ $values.global.image.pullPolicy }}
          {{- /* The image's entrypoint (tini) stays; the worker replaces the service's command. */}}
          args:
            {{- toYaml $worker.catalog.command | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ $port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $serviceObjects }}
          env:
            - name: PORT
              value: {{ $port | quote }}
            - name: SHUTDOWN_TIMEOUT_MS
              value: {{ mul $worker.catalog.drainSeconds 1000 | quote }}
            {{- range $service.catalog.secretEnv }}
            - name: {{ .name }}
              valueFrom:
                secretKeyRef:
                  name: {{ $serviceObjects }}
                  key: {{ .name }}
                  optional: {{ and .optional (not $values.externalSecrets.enabled) }}
            {{- end }}
          startupProbe:
            {{- include "what-if.probe" (dict "path" $worker.catalog.health.liveness "port" $port "period" 2 "failures" 60) | nindent 12 }}
          livenessProbe:
            {{- include "what-if.probe" (dict "path" $worker.catalog.health.liveness "port" $port "period" 10 "failures" 3) | nindent 12 }}
          readinessProbe:
            {{- include "what-if.probe" (dict "path" $worker.catalog.health.readiness "port" $port "period" 5 "failures" 2) | nindent 12 }}
          resources:
            {{- toYaml $worker.resources | nindent 12 }}
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
            sizeLimit: {{ $worker.tmpSizeLimit }}
        {{- with $files.volume }}
        - {{- toYaml . | nindent 10 }}
        {{- end }}
{{- end }}

{{/* Without KEDA: CPU alone, within the catalog's bounds. */}}
{{- define "what-if.worker.hpa" -}}
{{- $scaling := .worker.autoscaling }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
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
  behavior:
    {{- toYaml .root.Values.autoscaling.workerBehavior | nindent 4 }}
{{- end }}

{{/*
With KEDA: jobsPerReplica waiting jobs per replica on the BullMQ wait list, and CPU, the larger
winning. KEDA reaches devStores' Redis by name; with managed stores it reads the address and
password from the Secret <worker>-queue, which External Secrets fills from the service's
REDIS_URL and the AUTH token (externalSecrets.enabled) or you create.
*/}}
{{- define "what-if.worker.scaledObject" -}}
{{- $values := .root.Values }}
{{- $scaling := .worker.autoscaling }}
{{- $name := include "what-if.componentName" . }}
{{- $queueSecret := include "what-if.componentName" (dict "root" .root "component" (printf "%s-queue" .component)) }}
{{- $inCluster := $values.devStores.enabled }}
{{- if not $inCluster }}
{{- if $values.externalSecrets.enabled }}
{{- $settings := $values.externalSecrets }}
---
apiVersion: {{ $settings.apiVersion }}
kind: ExternalSecret
metadata:
  name: {{ $queueSecret }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "what-if.labels" . | nindent 4 }}
spec:
  refreshInterval: {{ $settings.refreshInterval }}
  secretStoreRef:
    kind: {{ $settings.secretStoreRef.kind }}
    name: {{ $settings.secretStoreRef.name }}
  target:
    name: {{ $queueSecret }}
    creationPolicy: Owner
    template:
      engineVersion: v2
      data:
        {{- /* KEDA wants host:port, not the URL the service connects with. */}}
        address: {{ "{{ (urlParse .url).host }}" | quote }}
        password: {{ "{{ .authToken }}" | quote }}
  data:
    - secretKey: url
      remoteRef:
        key: {{ printf "%s%s" $settings.keyPrefix .worker.catalog.queueSecretKeys.url }}
    - secretKey: authToken
      remoteRef:
        key: {{ printf "%s%s" $settings.keyPrefix .worker.catalog.queueSecretKeys.authToken }}
{{- end }}
---
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  secretTargetRef:
    {{- range list "address" "password" }}
    - parameter: {{ . }}
      name: {{ $queueSecret }}
      key: {{ . }}
    {{- end }}
{{- end }}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicaCount: {{ $scaling.minReplicas }}
  maxReplicaCount: {{ $scaling.maxReplicas }}
  pollingInterval: {{ $values.keda.pollingIntervalSeconds }}
  advanced:
    horizontalPodAutoscalerConfig:
      behavior:
        {{- toYaml $values.autoscaling.workerBehavior | nindent 8 }}
  triggers:
    - type: redis
      metadata:
        {{- if $inCluster }}
        address: {{ printf "%s:%v" (include "what-if.componentName" (dict "root" .root "component" "redis")) $values.devStores.redis.port | quote }}
        {{- end }}
        listName: {{ printf "%s%s" .service.env.REDIS_KEY_PREFIX .worker.catalog.waitListKey | quote }}
        listLength: {{ $scaling.jobsPerReplica | quote }}
        enableTLS: {{ $values.keda.redisTls | quote }}
      {{- if not $inCluster }}
      authenticationRef:
        name: {{ $name }}
      {{- end }}
    - type: cpu
      metricType: Utilization
      metadata:
        value: {{ $scaling.targetCPU | quote }}
{{- end }}

{{/*
Reached by nobody but metrics scrapers; reaching DNS, its service's stores, the EKS Pod Identity
agent when it assumes a role that way, HTTPS outside when its service's configuration calls
outside, and the trace collector when tracing.otlpEndpoint is set. It calls no other service.
*/}}
{{- define "what-if.worker.networkPolicy" -}}
{{- $root := .root }}
{{- $values := .root.Values }}
{{- $service := .service }}
{{- $ingress := list }}
{{- with $values.networkPolicy.metricsScrapers }}
{{- $ingress = append $ingress (dict "from" . "ports" (list (dict "port" $.worker.catalog.port "protocol" "TCP"))) }}
{{- end }}
{{- $egress := list (include "what-if.dnsEgress" $root | fromJson) }}
{{- range $store := $service.catalog.stores }}
{{- if $values.devStores.enabled }}
{{- $peer := include "what-if.podSelector" (dict "root" $root "component" $store) | fromJson }}
{{- $storePort := dict "port" (index $values.devStores $store).port "protocol" "TCP" }}
{{- $egress = append $egress (dict "to" (list $peer) "ports" (list $storePort)) }}
{{- else }}
{{- $managed := index $values.stores $store }}
{{- $egress = append $egress (dict "to" $managed.peers "ports" (list (dict "port" $managed.port "protocol" "TCP"))) }}
{{- end }}
{{- end }}
{{- if and (eq $values.aws.identity "pod-identity") .worker.awsRoleArn }}
{{- $agent := dict "ipBlock" (dict "cidr" "169.254.170.23/32") }}
{{- $egress = append $egress (dict "to" (list $agent) "ports" (list (dict "port" 80 "protocol" "TCP"))) }}
{{- end }}
{{- if eq (include "what-if.callsOutside" .) "true" }}
{{- $egress = append $egress (dict "to" $values.networkPolicy.outboundHttpsPeers "ports" (list (dict "port" 443 "protocol" "TCP"))) }}
{{- end }}
{{- /* The worker reads its service's configuration, so it sends spans wherever the service does. */}}
{{- if $values.tracing.otlpEndpoint }}
{{- $otlp := list (dict "port" 4317 "protocol" "TCP") (dict "port" 4318 "protocol" "TCP") }}
{{- $egress = append $egress (dict "to" $values.tracing.collectorPeers "ports" $otlp) }}
{{- end }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  podSelector:
    matchLabels:
      {{- include "what-if.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- toYaml $ingress | nindent 4 }}
  egress:
    {{- toYaml $egress | nindent 4 }}
{{- end }}
