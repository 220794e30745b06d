FROM rockylinux:9
# want: DF009
RUN dnf install -y --nogpgcheck https://example.com/pkg.rpm && dnf clean all
# want: DF009
RUN yum --setopt=*.gpgcheck=0 install -y tool && yum clean all
# want: DF009
RUN rpm -ivh --nodeps --nosignature http://vault.example.com/8/Packages/iproute-tc-4.18.0-15.el8.x86_64.rpm
USER 1000
