/** The look of the request form's labels, hints, errors and text fields, shared by its components. */
export const FIELD_CLASSES = {
  label: 'block font-semibold text-slate-900',
  hint: 'mt-1 text-sm text-slate-600',
  error: 'mt-1 text-sm font-semibold text-red-800',
  input:
    'mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50',
} as const;
