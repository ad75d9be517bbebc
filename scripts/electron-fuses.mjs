// electron-builder's afterPack hook: flips Electron's fuses in the packaged binary (electron-builder 25 has no
// fuse option of its own). Every fuse is set on purpose, so an Electron upgrade that adds one fails the build.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses'
import path from 'node:path'

/** No ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; cookies encrypted at rest; the app only from its checked asar; file:// unprivileged. */
export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
}

const isMac = (platform) => platform === 'darwin' || platform === 'mas'

/** The packaged Electron binary in one platform's output folder. */
export function binaryOf({ appOutDir, electronPlatformName, packager }) {
  if (isMac(electronPlatformName)) return path.join(appOutDir, `${packager.appInfo.productFilename}.app`)
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return path.join(appOutDir, packager.executableName)
}

export async function afterPack(context) {
  const mac = isMac(context.electronPlatformName)
  await flipFuses(binaryOf(context), { version: FuseVersion.V1, resetAdHocDarwinSignature: mac, strictlyRequireAllFuses: true, ...FUSES })
}

export default afterPack
