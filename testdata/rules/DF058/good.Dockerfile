FROM rockylinux:9
RUN dnf install -y epel-release-9-7.el9 && dnf clean all
RUN curl -fsSLo /tmp/tool.rpm https://repo.example.org/tool-2.1-1.el9.x86_64.rpm \
    && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/tool.rpm" | sha256sum -c - \
    && rpm -ivh /tmp/tool.rpm
RUN dnf install -y --setopt=localpkg_gpgcheck=1 https://repo.example.org/vendor-release-1.0-1.noarch.rpm && dnf clean all
RUN rpm --import https://repo.example.org/RPM-GPG-KEY && rpm -qip https://repo.example.org/vendor-release-1.0-1.noarch.rpm
RUN dnf config-manager --add-repo https://repo.example.org/vendor.repo && dnf clean all
USER 1000
