FROM alpine:3.20
# want: DF001
USER 0
