; Inno Setup 6 script for Digit Lab: a per-user installer that needs no administrator rights.
;
; packaging/build.py runs it after PyInstaller has made the bundle:
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\...\dist\digit-lab /DOutputDir=C:\...\dist packaging\windows\digit-lab.iss
; → OutputDir\digit-lab-0.1.0-windows-x64-setup.exe
;
; It installs into %LOCALAPPDATA%\Programs\Digit Lab ({autopf} in non-administrative mode), adds a
; Start-menu shortcut and, if ticked, a desktop one, and registers an uninstaller in "Apps & features".
; It also registers Digit Lab for .keras files: double-clicking a model opens it in the window (Windows
; asks once which app to use when another program has claimed .keras too).
; Silent install for scripts: setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/DIR=...]
; An administrator can still install for all users: setup.exe /ALLUSERS

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\digit-lab"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Digit Lab"
#define GuiExe "Digit Lab.exe"
; The .keras file type: the ProgID Explorer opens .keras files with, and its name in Explorer.
#define ModelExt ".keras"
#define ModelProgId "DigitLab.KerasModel"
#define ModelTypeName "Keras model"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{92C6C8FD-69FE-4F78-B9A8-9664C1D52037}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Digit Lab developers
AppComments=Train a neural network on handwritten digits, then draw digits it reads live.
VersionInfoVersion={#AppVersion}
; Per-user install, no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; TensorFlow's Windows wheels are 64-bit only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=digit-lab-{#AppVersion}-windows-x64-setup
SetupIconFile=digit-lab.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
; A 1 GB bundle of mostly native code: LZMA2 in one solid block compresses it best.
Compression=lzma2/max
SolidCompression=yes
LZMAUseSeparateProcess=yes
LZMANumBlockThreads=4
; Upgrading while the app runs: offer to close it.
CloseApplications=yes
; The [Registry] entries below add a file association: Explorer refreshes its icons and "Open with" lists
; at the end of the install and of the uninstall.
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no stale library from an older version may stay beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Comment: "Train a neural network on handwritten digits"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .keras files open in Digit Lab: "Digit Lab.exe" "PATH" (the window, opening that model). HKA is the
; current user's Software\Classes in a per-user install, the machine's in an /ALLUSERS one. Uninstalling
; removes all of it.
Root: HKA; Subkey: "Software\Classes\{#ModelExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ModelProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ModelProgId}"; ValueType: string; ValueName: ""; ValueData: "{#ModelTypeName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ModelProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\{#ModelProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: "{#ModelExt}"; ValueData: ""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may leave caches beside the bundle; remove the folder entirely.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
