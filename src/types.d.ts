declare module "edtf";
declare module "linebreak";
declare module "hyphen/patterns/*";
