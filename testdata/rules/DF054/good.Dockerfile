FROM rockylinux:9
ARG PKGS="httpd mod_ssl"
RUN dnf install -y httpd-2.4.57 "mod_ssl-2.4.57-5.el9" bash-0:5.1.8-6.el9_1.x86_64 && dnf clean all
RUN dnf install -y /tmp/app-1.0.rpm @development-tools 'perl(JSON)' 'dnf-command(config-manager)' $PKGS && dnf clean all
RUN dnf -y module install nodejs:18/common && dnf -y module enable php:8.1 && dnf clean all
RUN dnf -y group install "Development Tools" && dnf clean all
RUN dnf upgrade -y openssl && dnf clean all
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y shadow-utils-4.9-8.el9 && microdnf clean all
# Versions given through variables, and names with - and + in them.
ARG GIT_VER=2.43.5
RUN dnf install -y "git-core-${GIT_VER}" tomcat-$VERSION gcc-c++-8.5.0 openssl-1:1.1.1k rpm-sign-4.16.1.3 && dnf clean all
ONBUILD RUN microdnf install -y tomcat-9.0.1 && microdnf clean all
USER 1000
