FROM opensuse/leap:15.6
ARG PKGS="curl jq"
RUN zypper -n install curl=8.6.0 'jq>=1.6' "git-core<3" tar-1.34-150000.3.31.1 && zypper clean -a
RUN zypper -n in /tmp/app-1.0.rpm pattern:devel_basis 'perl(JSON)' $PKGS && zypper clean -a
RUN zypper -n in -t pattern devel_basis && zypper clean -a
RUN zypper -n update curl && zypper -n ref && zypper clean -a
RUN zypper install -y tomcat\>=9.0 tomcat\<10 "git-core-${GIT_VER}" && zypper clean
USER 1000
