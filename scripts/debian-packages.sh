# Sourced by the ensure-*.sh scripts: install_missing "what needs them" package...
# As root (CI, a container) the missing Debian packages are installed; otherwise the exact command is printed.
install_missing() {
  purpose=$1
  shift
  [ $# -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages for $purpose: $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Debian packages for $purpose are not installed: $*" >&2
    echo "Install them, then run 'make test' again:  sudo apt-get install -y $*" >&2
    exit 1
  fi
}
