{{- define "misc.labels" }}
  labels:
    app: misc
{{- end }}
{{- define "misc.name" -}}
{{ .Values.name }}
{{- end }}
