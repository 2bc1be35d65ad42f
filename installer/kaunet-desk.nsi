; Kaunet Desk setup: one file, per-user, no administrator prompt, works offline.
;
; Built by installer/build.py, which passes what this script must not guess:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DDIST_DIR=<abs>/KaunetDesk
;            -DEXE_NAME=KaunetDesk.exe -DOUT_FILE=<abs>/KaunetDesk-0.1.0-setup.exe
;            [-DCOMPRESSOR=zlib] installer/kaunet-desk.nsi
; DIST_DIR is PyInstaller's one-folder output; EXE_NAME is KaunetDesk.exe on Windows and
; KaunetDesk on Linux, where the same script is compiled against a Linux build as a check.
;
; Program files go to %LOCALAPPDATA%\Programs\KaunetDesk. The clerk's database, backups,
; log (%LOCALAPPDATA%\KaunetDesk, platformdirs' user_data_dir) and settings (HKCU\Software\
; KaunetDesk, QSettings) are never touched by an install or upgrade, and removed by the
; uninstaller only when the clerk ticks that box and confirms.

Unicode true

!ifndef VERSION
  !error "VERSION is not defined: build with installer/build.py (or pass -DVERSION=x.y.z)"
!endif
!ifndef DIST_DIR
  !error "DIST_DIR is not defined: the PyInstaller folder (…/dist/KaunetDesk)"
!endif
!ifndef EXE_NAME
  !define EXE_NAME "KaunetDesk.exe"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "KaunetDesk-${VERSION}-setup.exe"
!endif
; Stops here, at compile time, when the folder is not a build of the app.
!if /FileExists "${DIST_DIR}/${EXE_NAME}"
!else
  !error "${DIST_DIR}/${EXE_NAME} does not exist: freeze the app first"
!endif

!define APP_NAME "Kaunet Desk"
!define APP_ID "KaunetDesk"
!define PUBLISHER "Kaunet Desk"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; kaunet_desk/store/location.py: user_data_path("KaunetDesk", appauthor=False, roaming=False)
!define DATA_DIR "$LOCALAPPDATA\KaunetDesk"
; kaunet_desk/ui/app.py: QSettings organization "KaunetDesk" (native format: the registry)
!define SETTINGS_KEY "Software\KaunetDesk"

; VIProductVersion wants four numbers: 0.1.0 → 0.1.0.0
!searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
!ifndef V_PATCH
  !define V_PATCH 0
!endif

Name "${APP_NAME} ${VERSION}"
OutFile "${OUT_FILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}
ManifestDPIAware true
BrandingText " "

VIProductVersion "${V_MAJOR}.${V_MINOR}.${V_PATCH}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Proprietary"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "kaunet-desk.ico"
!define MUI_UNICON "kaunet-desk.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback when Windows' UI language is neither.
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

LangString SecApp ${LANG_JAPANESE} "Kaunet Desk（必須）"
LangString SecApp ${LANG_ENGLISH} "Kaunet Desk (required)"
LangString SecAppDesc ${LANG_JAPANESE} "アプリ本体と、スタート メニューのショートカット。"
LangString SecAppDesc ${LANG_ENGLISH} "The application and its Start menu shortcut."
LangString SecDesktop ${LANG_JAPANESE} "デスクトップのショートカット"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopDesc ${LANG_JAPANESE} "デスクトップに Kaunet Desk のアイコンを置きます。"
LangString SecDesktopDesc ${LANG_ENGLISH} "Puts a Kaunet Desk icon on the desktop."
LangString UnSecApp ${LANG_JAPANESE} "Kaunet Desk（プログラム）"
LangString UnSecApp ${LANG_ENGLISH} "Kaunet Desk (program)"
LangString UnSecAppDesc ${LANG_JAPANESE} "プログラムとショートカットを削除します。データベースとバックアップは残ります。"
LangString UnSecAppDesc ${LANG_ENGLISH} "Removes the program and its shortcuts. Your database and backups are kept."
LangString UnSecData ${LANG_JAPANESE} "データベースとバックアップも削除する"
LangString UnSecData ${LANG_ENGLISH} "Also remove my database and backups"
LangString UnSecDataDesc ${LANG_JAPANESE} "${DATA_DIR} のデータベース、バックアップ、ログと、アプリの設定を削除します。元に戻せません。"
LangString UnSecDataDesc ${LANG_ENGLISH} "Deletes the database, backups and log in ${DATA_DIR}, and the app's settings. This cannot be undone."
LangString UnConfirmData ${LANG_JAPANESE} "データベースとバックアップを完全に削除します:$\r$\n${DATA_DIR}$\r$\n$\r$\n元に戻せません。削除しますか？"
LangString UnConfirmData ${LANG_ENGLISH} "This permanently deletes your database and backups:$\r$\n${DATA_DIR}$\r$\n$\r$\nThis cannot be undone. Delete them?"
LangString UnDataKept ${LANG_JAPANESE} "データベースとバックアップは残しました: ${DATA_DIR}"
LangString UnDataKept ${LANG_ENGLISH} "Your database and backups were kept: ${DATA_DIR}"
LangString AppRunning ${LANG_JAPANESE} "Kaunet Desk が起動しています。Kaunet Desk を終了してから［再試行］を押してください。"
LangString AppRunning ${LANG_ENGLISH} "Kaunet Desk is running. Close it, then press Retry."

; A running app locks its exe (and its database): open it for writing to find out.
!macro DEFINE_ENSURE_NOT_RUNNING PREFIX
Function ${PREFIX}EnsureNotRunning
  retry:
  ${If} ${FileExists} "$INSTDIR\${EXE_NAME}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE_NAME}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
      Abort
    ${EndIf}
    FileClose $0
  ${EndIf}
FunctionEnd
!macroend
!insertmacro DEFINE_ENSURE_NOT_RUNNING ""
!insertmacro DEFINE_ENSURE_NOT_RUNNING "un."

Section "!$(SecApp)" SecApp
  SectionIn RO
  Call EnsureNotRunning
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program files as a whole, so no module of an older version is
  ; left behind. Only program files live here; the clerk's data is in ${DATA_DIR}.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST_DIR}/*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE_NAME}"

  ; Per-user entry in Settings → Apps (HKCU: no administrator rights needed).
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  SetOutPath "$INSTDIR"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE_NAME}"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} $(SecAppDesc)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(SecDesktopDesc)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "!un.$(UnSecApp)" UnSecApp
  SectionIn RO
  Call un.EnsureNotRunning
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put there: never RMDir /r a folder the clerk may have chosen.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; Unticked by default: an uninstall (or a silent one, /S) keeps the data.
Section /o "un.$(UnSecData)" UnSecData
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnConfirmData)" /SD IDNO IDNO keep
  RMDir /r "${DATA_DIR}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  keep:
SectionEnd

; Says where the data stayed: unticked, or ticked and then answered No.
Section "-un.KeptNote"
  ${If} ${FileExists} "${DATA_DIR}\*.*"
    DetailPrint "$(UnDataKept)"
  ${EndIf}
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecApp} $(UnSecAppDesc)
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} $(UnSecDataDesc)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
