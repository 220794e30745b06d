{{- define "web.labels" -}}
app: {{ .Chart.Name }}
team: {{ .Values.global.team }}
{{- end }}
