{{/* The service's ClusterIP Service, on its catalog port. */}}
{{- define "what-if.service.service" -}}
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
    - name: http
      port: {{ .service.catalog.port }}
      targetPort: {{ .service.catalog.port }}
      protocol: TCP
{{- end }}

{{/*
The service's NetworkPolicy. Ingress: the ingress controller for the public service, each
caller the catalog declares, the Argo Rollouts controller's analysis (rollouts.enabled), and
metrics scrapers. Egress: DNS, each service it calls, its stores (in-cluster with devStores,
else stores.*.peers), the EKS Pod Identity agent when it assumes a role that way, HTTPS to
networkPolicy.outboundHttpsPeers when its configuration calls outside (the catalog's
outboundHttps: a remote AI provider, Amazon SES), the trace collector's OTLP ports while
tracing.otlpEndpoint is set, and extraEgress.
*/}}
{{- define "what-if.service.networkPolicy" -}}
{{- $root := .root }}
{{- $values := .root.Values }}
{{- $name := .name }}
{{- $service := .service }}
{{- $tcp := dict "port" $service.catalog.port "protocol" "TCP" }}
{{- $ingress := list }}
{{- if $service.catalog.public }}
{{- $ingress = append $ingress (dict "from" $values.networkPolicy.ingressControllerPeers "ports" (list $tcp)) }}
{{- end }}
{{- $callers := list }}
{{- range $callerName, $caller := $values.services }}
{{- if has $name $caller.catalog.calls }}
{{- $callers = append $callers (include "what-if.podSelector" (dict "root" $root "component" $callerName) | fromJson) }}
{{- end }}
{{- end }}
{{- if $callers }}
{{- $ingress = append $ingress (dict "from" $callers "ports" (list $tcp)) }}
{{- end }}
{{- if $values.rollouts.enabled }}
{{- $ingress = append $ingress (dict "from" $values.rollouts.controllerPeers "ports" (list $tcp)) }}
{{- end }}
{{- with $values.networkPolicy.metricsScrapers }}
{{- $ingress = append $ingress (dict "from" . "ports" (list $tcp)) }}
{{- end }}
{{- $egress := list (include "what-if.dnsEgress" $root | fromJson) }}
{{- range $callee := $service.catalog.calls }}
{{- $calleePort := dict "port" (index $values.services $callee).catalog.port "protocol" "TCP" }}
{{- $peer := include "what-if.podSelector" (dict "root" $root "component" $callee) | fromJson }}
{{- $egress = append $egress (dict "to" (list $peer) "ports" (list $calleePort)) }}
{{- end }}
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
{{- if and (eq $values.aws.identity "pod-identity") $service.awsRoleArn }}
{{- $agent := dict "ipBlock" (dict "cidr" "169.254.170.23/32") }}
{{- $egress = append $egress (dict "to" (list $agent) "ports" (list (dict "port" 80 "protocol" "TCP"))) }}
{{- end }}
{{- if eq (include "what-if.callsOutside" .) "true" }}
{{- $egress = append $egress (dict "to" $values.networkPolicy.outboundHttpsPeers "ports" (list (dict "port" 443 "protocol" "TCP"))) }}
{{- end }}
{{- if $values.tracing.otlpEndpoint }}
{{- $otlp := list (dict "port" 4317 "protocol" "TCP") (dict "port" 4318 "protocol" "TCP") }}
{{- $egress = append $egress (dict "to" $values.tracing.collectorPeers "ports" $otlp) }}
{{- end }}
{{- range $service.extraEgress }}
{{- $egress = append $egress . }}
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

{{/* The egress rule every pod needs: cluster DNS over UDP and TCP. */}}
{{- define "what-if.dnsEgress" -}}
{{- $ports := list (dict "port" 53 "protocol" "UDP") (dict "port" 53 "protocol" "TCP") }}
{{- toJson (dict "to" .Values.networkPolicy.dnsPeers "ports" $ports) }}
{{- end }}

{{/* "true" when the service's configuration turns on a call outside over HTTPS (catalog.outboundHttps). */}}
{{- define "what-if.callsOutside" -}}
{{- $env := .service.env }}
{{- $calls := false }}
{{- range $use := .service.catalog.outboundHttps }}
{{- range $listed := splitList "," (index $env $use.variable | default "") }}
{{- if has (trim $listed) $use.listsAnyOf }}
{{- $calls = true }}
{{- end }}
{{- end }}
{{- end }}
{{- $calls }}
{{- end }}
