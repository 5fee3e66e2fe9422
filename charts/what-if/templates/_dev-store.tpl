{{/*
How each store runs: its image's user, its arguments, its writable paths and its probe.
PGDATA sits one level below the volume so the postgres user owns (and may chmod) it.
*/}}
{{- define "what-if.devStoreRuntime" -}}
{{- $pgIsReady := dict "exec" (dict "command" (list "pg_isready" "-h" "127.0.0.1" "-U" "postgres" "-d" "whatif")) }}
{{- $redisPing := dict "exec" (dict "command" (list "redis-cli" "ping")) }}
{{- $dynamodbPort := dict "tcpSocket" (dict "port" .root.Values.devStores.dynamodb.port) }}
{{- $runtimes := dict
  "postgres" (dict "user" 70 "group" 70 "args" (list) "probe" $pgIsReady
    "env" (list (dict "name" "POSTGRES_DB" "value" "whatif") (dict "name" "POSTGRES_HOST_AUTH_METHOD" "value" "trust") (dict "name" "PGDATA" "value" "/var/lib/postgresql/data/pgdata"))
    "paths" (list "/var/lib/postgresql/data" "/var/run/postgresql" "/tmp"))
  "redis" (dict "user" 999 "group" 1000 "args" (list "redis-server" "--save" "" "--appendonly" "no") "probe" $redisPing
    "env" (list) "paths" (list "/data" "/tmp"))
  "dynamodb" (dict "user" 1000 "group" 1000 "args" (list "-jar" "DynamoDBLocal.jar" "-sharedDb" "-inMemory" "-disableTelemetry") "probe" $dynamodbPort
    "env" (list) "paths" (list "/tmp"))
}}
{{- toJson (index $runtimes .component) }}
{{- end }}

{{- define "what-if.devStore" -}}
{{- $root := .root }}
{{- $settings := .settings }}
{{- $runtime := include "what-if.devStoreRuntime" . | fromJson }}
{{- $port := $settings.port }}
{{- $volumes := list }}
{{- $mounts := list }}
{{- range $index, $path := $runtime.paths }}
{{- $volumes = append $volumes (dict "name" (printf "writable-%d" $index) "emptyDir" (dict "sizeLimit" "1024Mi")) }}
{{- $mounts = append $mounts (dict "name" (printf "writable-%d" $index) "mountPath" $path) }}
{{- end }}
{{- $probe := merge (dict "periodSeconds" 5 "timeoutSeconds" 3 "failureThreshold" 6) $runtime.probe }}
{{- $securityContext := merge (dict "runAsUser" $runtime.user "runAsGroup" $runtime.group) (deepCopy $root.Values.containerSecurityContext) }}
{{- $callers := list }}
{{- range .users }}
{{- $callers = append $callers (include "what-if.podSelector" (dict "root" $root "component" .) | fromJson) }}
{{- end }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  replicas: 1
  revisionHistoryLimit: 2
  selector:
    matchLabels:
      {{- include "what-if.selectorLabels" . | nindent 6 }}
  strategy:
    type: Recreate
  template:
    metadata:
      labels:
        {{- include "what-if.labels" . | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ $runtime.user }}
        runAsGroup: {{ $runtime.group }}
        fsGroup: {{ $runtime.group }}
        fsGroupChangePolicy: OnRootMismatch
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: {{ .component }}
          image: {{ $settings.image }}
          imagePullPolicy: IfNotPresent
          {{- with $runtime.args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $runtime.env }}
          env:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          ports:
            - name: {{ .component }}
              containerPort: {{ $port }}
              protocol: TCP
          startupProbe:
            {{- toYaml (merge (dict "failureThreshold" 30 "periodSeconds" 2) (deepCopy $probe)) | nindent 12 }}
          livenessProbe:
            {{- toYaml $probe | nindent 12 }}
          readinessProbe:
            {{- toYaml $probe | nindent 12 }}
          resources:
            {{- toYaml $settings.resources | nindent 12 }}
          securityContext:
            {{- toYaml $securityContext | nindent 12 }}
          volumeMounts:
            {{- toYaml $mounts | nindent 12 }}
      volumes:
        {{- toYaml $volumes | nindent 8 }}
---
apiVersion: v1
kind: Service
metadata:
  {{- include "what-if.metadata" . | nindent 2 }}
spec:
  type: ClusterIP
  selector:
    {{- include "what-if.selectorLabels" . | nindent 4 }}
  ports:
    - name: {{ .component }}
      port: {{ $port }}
      targetPort: {{ $port }}
      protocol: TCP
{{- if $root.Values.networkPolicy.enabled }}
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
    - from:
        {{- toYaml $callers | nindent 8 }}
      ports:
        - port: {{ $port }}
          protocol: TCP
    {{- if and (eq .component "redis") $root.Values.keda.enabled }}
    - from:
        {{- toYaml $root.Values.keda.operatorPeers | nindent 8 }}
      ports:
        - port: {{ $port }}
          protocol: TCP
    {{- end }}
  egress: []
{{- end }}
{{- end }}
