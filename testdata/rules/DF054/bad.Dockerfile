FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
# want: DF054
RUN microdnf install -y --nodocs --setopt=install_weak_deps=0 shadow-utils && microdnf clean all
FROM rockylinux:9
RUN dnf install -y \
        tar-1.34 \
    # want: DF054
    && dnf -y --disablerepo '*' --enablerepo=baseos install \
        python3-devel \
    && dnf clean all
# want: DF054
RUN sudo /usr/bin/dnf in -y git && dnf clean all
# want: DF054
RUN bash -c "dnf install -y make && dnf clean all"
RUN <<EOF
# want: DF054
dnf install -y 'wget'
dnf clean all
EOF
# want: DF054
RUN dnf -y module install nodejs && dnf clean all
# A trigger runs in the builds FROM this image.
# want: DF054
ONBUILD RUN dnf install -y tomcat && dnf clean all
USER 1000
