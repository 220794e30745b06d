{{- define "misc.labels" }}
  labels:
    app: misc
{{- end }}
