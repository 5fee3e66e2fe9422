{{/*
A service's image: <registry>/<repository>:<tag>, or @<digest>. The tag falls back to
global.image.tag, then to the chart's appVersion; latest is refused because a moving tag
makes rollbacks and node caches lie about what runs.
*/}}
{{- define "what-if.image" -}}
{{- $global := .root.Values.global.image }}
{{- $image := .service.image }}
{{- $registry := default $global.registry $image.registry }}
{{- $tag := default (default .root.Chart.AppVersion $global.tag) $image.tag }}
{{- if eq $tag "latest" }}
{{- fail (printf "services.%s.image: the tag latest is not allowed; pin the version you tested" .name) }}
{{- end }}
{{- if $image.digest }}
{{- printf "%s/%s@%s" $registry $image.repository $image.digest }}
{{- else }}
{{- printf "%s/%s:%s" $registry $image.repository $tag }}
{{- end }}
{{- end }}
