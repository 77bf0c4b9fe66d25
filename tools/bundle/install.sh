#!/bin/sh
# Install DeliveryDesk for the current user, from this unpacked folder:
#   ./install.sh              copy it to ~/.local/lib/deliverydesk, put deliverydesk and
#                             deliverydesk-gui in ~/.local/bin, add the menu entry and the icon
#   ./install.sh --uninstall  remove all of that again (your data folder stays)
# PREFIX (default ~/.local) moves everything; XDG_DATA_HOME moves the menu entry and the icon.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
data_home="${XDG_DATA_HOME:-$prefix/share}"
app_dir="$prefix/lib/deliverydesk"
bin_dir="$prefix/bin"
desktop_file="$data_home/applications/deliverydesk.desktop"
icon_svg="$data_home/icons/hicolor/scalable/apps/deliverydesk.svg"
icon_png="$data_home/icons/hicolor/256x256/apps/deliverydesk.png"

refresh_menus() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app_dir"
  rm -f "$bin_dir/deliverydesk" "$bin_dir/deliverydesk-gui" "$desktop_file" "$icon_svg" "$icon_png"
  refresh_menus
  echo "DeliveryDesk removed from $prefix (the data folder, ~/.local/share/DeliveryDesk, is kept)."
  exit 0
fi

mkdir -p "$prefix/lib" "$bin_dir" "$(dirname "$desktop_file")" "$(dirname "$icon_svg")" "$(dirname "$icon_png")"
if [ "$here" != "$app_dir" ]; then
  rm -rf "$app_dir.new"
  cp -a "$here" "$app_dir.new"
  rm -rf "$app_dir"
  mv "$app_dir.new" "$app_dir"
fi
ln -sf "$app_dir/deliverydesk" "$bin_dir/deliverydesk"
ln -sf "$app_dir/deliverydesk-gui" "$bin_dir/deliverydesk-gui"
sed -e "s|^Exec=.*|Exec=\"$app_dir/deliverydesk-gui\"|" -e "s|^TryExec=.*|TryExec=$app_dir/deliverydesk-gui|" \
  "$app_dir/deliverydesk.desktop" >"$desktop_file"
cp "$app_dir/deliverydesk.svg" "$icon_svg"
cp "$app_dir/deliverydesk.png" "$icon_png"
refresh_menus
echo "DeliveryDesk $("$app_dir/deliverydesk" --version | sed 's/^DeliveryDesk //') installed in $app_dir."
echo "Start it from the applications menu, or run: $bin_dir/deliverydesk-gui"
