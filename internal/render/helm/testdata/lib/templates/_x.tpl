{{- define "lib.x" -}}
kind: ConfigMap
{{- end }}
