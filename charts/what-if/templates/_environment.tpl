{{/*
A service's non-secret environment, as JSON: its env values, plus what the chart computes
from other values: PORT, the URL of every service it calls, (with devStores) the
in-cluster DynamoDB Local endpoint and table creation and the shared files' directory, and (with
tracing.otlpEndpoint) where spans go.
*/}}
{{- define "what-if.configData" -}}
{{- $root := .root }}
{{- $computed := dict "PORT" (toString .service.catalog.port) }}
{{- range $callee := .service.catalog.calls }}
{{- $calleePort := (index $root.Values.services $callee).catalog.port }}
{{- $host := include "what-if.componentName" (dict "root" $root "component" $callee) }}
{{- $_ := set $computed (printf "%s_SERVICE_URL" (upper $callee)) (printf "http://%s:%v" $host $calleePort) }}
{{- end }}
{{- if and $root.Values.devStores.enabled (has "dynamodb" .service.catalog.stores) }}
{{- $host := include "what-if.componentName" (dict "root" $root "component" "dynamodb") }}
{{- $_ := set $computed "DYNAMODB_ENDPOINT" (printf "http://%s:%v" $host $root.Values.devStores.dynamodb.port) }}
{{- $_ := set $computed "DYNAMODB_CREATE_TABLES" "true" }}
{{- end }}
{{- /* Without S3, the service and its workers keep files on devStores' shared volume. */}}
{{- if and $root.Values.devStores.enabled .service.catalog.objectStorage }}
{{- $_ := set $computed .service.catalog.objectStorage.directoryVariable $root.Values.devStores.files.mountPath }}
{{- end }}
{{- with $root.Values.tracing.otlpEndpoint }}
{{- $_ := set $computed "OTEL_EXPORTER_OTLP_ENDPOINT" . }}
{{- end }}
{{- toJson (merge $computed .service.env) }}
{{- end }}

{{/*
The store connection strings of a service when devStores runs them in the cluster. They
are secret variables, so they go in the service's Secret like the managed stores' would.
*/}}
{{- define "what-if.devStoreSecretData" -}}
{{- $root := .root }}
{{- $data := dict }}
{{- if has "postgres" .service.catalog.stores }}
{{- $host := include "what-if.componentName" (dict "root" $root "component" "postgres") }}
{{- $_ := set $data "DATABASE_URL" (printf "postgres://postgres@%s:%v/whatif" $host $root.Values.devStores.postgres.port) }}
{{- end }}
{{- if has "redis" .service.catalog.stores }}
{{- $host := include "what-if.componentName" (dict "root" $root "component" "redis") }}
{{- $_ := set $data "REDIS_URL" (printf "redis://%s:%v" $host $root.Values.devStores.redis.port) }}
{{- end }}
{{- toJson $data }}
{{- end }}

{{/*
Seconds Kubernetes waits after SIGTERM before SIGKILL: the readiness delay and the drain the
service is configured with (each rounded up), plus a margin for the process to exit.
*/}}
{{- define "what-if.terminationGracePeriodSeconds" -}}
{{- $delay := .service.env.SHUTDOWN_DELAY_MS | int }}
{{- $drain := .service.env.SHUTDOWN_TIMEOUT_MS | int }}
{{- add (div (add $delay 999) 1000) (div (add $drain 999) 1000) 5 }}
{{- end }}

{{/*
The volume (as JSON: {"volume": ..., "mount": ...}) of devStores' shared files for a service that
keeps files, which it and its workers mount; {} otherwise.
*/}}
{{- define "what-if.sharedFiles" -}}
{{- $root := .root }}
{{- if and $root.Values.devStores.enabled .service.catalog.objectStorage }}
{{- $claim := include "what-if.componentName" (dict "root" $root "component" (printf "%s-files" .name)) }}
{{- $volume := dict "name" "files" "persistentVolumeClaim" (dict "claimName" $claim "readOnly" false) }}
{{- toJson (dict "volume" $volume "mount" (dict "name" "files" "mountPath" $root.Values.devStores.files.mountPath)) }}
{{- else }}
{{- toJson (dict) }}
{{- end }}
{{- end }}
