FROM rockylinux:9
RUN rpm --import https://example.com/RPM-GPG-KEY && dnf install -y --setopt=tsflags=nodocs tool && dnf clean all
RUN rpm -qa --nodeps > /tmp/pkgs
USER 1000
