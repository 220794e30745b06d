FROM opensuse/leap:15.6
# want: DF029
RUN zypper -n install curl
USER 1000
