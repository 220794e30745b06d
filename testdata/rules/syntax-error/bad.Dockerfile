FROM alpine:3.20
USER 1000
# want: syntax-error
RUNN echo typo
