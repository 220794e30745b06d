FROM nginx:1.27 AS base
HEALTHCHECK --interval=30s CMD curl -f http://localhost/healthz || exit 1
EXPOSE 80
FROM base
COPY site/ /usr/share/nginx/html/
USER nginx
