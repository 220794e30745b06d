FROM rockylinux:9 AS build
RUN dnf install -y gcc
FROM rockylinux:9
RUN dnf install -y httpd && dnf clean all
RUN microdnf install -y tar && microdnf clean all
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y git
RUN yum install -y jq && rm -rf /var/cache/yum
USER 1000
