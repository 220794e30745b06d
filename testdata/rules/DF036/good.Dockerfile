FROM nginx:1.27 AS base
HEALTHCHECK NONE
FROM base
HEALTHCHECK --interval=30s CMD curl -f http://localhost/healthz || exit 1
USER nginx
