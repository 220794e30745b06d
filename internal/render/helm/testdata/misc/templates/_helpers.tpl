{{- define "misc.labels" }}
  labels:
    app: misc
{{- end }}
{{- define "misc.name" -}}
{{ .Values.name }}
{{- end }}
{{- define "misc.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurity | nindent 2 }}
{{- end }}
