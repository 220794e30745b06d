{{- define "h.pass" -}}
{{ required "a password is required" .Values.password }}
{{- end }}
