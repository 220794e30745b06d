FROM rockylinux:9
# want: DF009
RUN dnf install -y --nogpgcheck https://example.com/pkg.rpm && dnf clean all
# want: DF009
RUN yum --setopt=*.gpgcheck=0 install -y tool && yum clean all
# want: DF009
RUN rpm -ivh --nosignature /tmp/local.rpm
USER 1000
