/** A valid activation request for `token`: three distinct questions and a policy-abiding password. */
export const ACTIVATION_PASSWORD = 'Tr0pika!Hujan#Lebat';

export const activationBody = (token: string) => ({
  token,
  securityAnswers: [
    { questionId: 'mother-name', answer: 'Siti Aminah' },
    { questionId: 'first-car', answer: 'Proton Saga' },
    { questionId: 'favourite-colour', answer: 'Hijau Muda' },
  ],
  password: ACTIVATION_PASSWORD,
  passwordConfirmation: ACTIVATION_PASSWORD,
});
