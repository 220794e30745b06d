FROM alpine:3.20
# want: DF040
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
USER 1000
