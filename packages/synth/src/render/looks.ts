import type { SynthClassCode } from '../classes.js';
import type { LookFactory } from './look-kit.js';
import { actinicLook, basalCellLook, keratosisLook, vascularLook } from './looks-keratinocytic.js';
import { dermatofibromaLook, melanomaLook, nevusLook } from './looks-pigmented.js';

export const LOOKS: Readonly<Record<SynthClassCode, LookFactory>> = {
  nv: nevusLook,
  mel: melanomaLook,
  bkl: keratosisLook,
  bcc: basalCellLook,
  akiec: actinicLook,
  vasc: vascularLook,
  df: dermatofibromaLook,
};
