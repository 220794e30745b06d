FROM opensuse/leap:15.6
# want: DF055
RUN zypper --non-interactive install curl && zypper clean -a
RUN zypper -n in \
        jq=1.6 \
    # want: DF055
    && zypper -n in --no-recommends -r repo-oss \
        git-core \
    && zypper clean -a
# want: DF055
RUN sudo zypper -n install -t package vim && zypper clean -a
# want: DF055
RUN sh -c 'zypper -n in "tar"' && zypper clean -a
RUN <<EOF
# want: DF055
zypper -n install gzip
zypper clean -a
EOF
# want: DF055
ONBUILD RUN ["zypper", "install", "-y", "tomcat"]
USER 1000
